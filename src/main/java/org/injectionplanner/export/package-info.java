/**
 * Exports of session plans for people and other programs (docs/exports.md): the CSV injection table, the
 * plan JSON export with its JSON Schema, and their de-identified forms. Uses the plan model, the plan file
 * format and the session map, never ImageJ.
 */
package org.injectionplanner.export;
