/**
 * The session map: a plan's injections in session order with their values and findings, the session's
 * findings, checklist, totals per drug and sign-off, computed once from a plan, its safety report and the
 * clinic settings (docs/session-map.md). The one source of the Plan Panel's session map and of exports.
 * Uses plan, safety and geometry; never ImageJ, AWT, the store or the CLI.
 */
package org.injectionplanner.sessionmap;
