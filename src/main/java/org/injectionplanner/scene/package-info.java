/**
 * The plan scene: what to draw for a plan on one frame, in image pixel coordinates, with its style
 * (colour-blind-safe colours, and line styles and symbols legible in black and white), and one Java2D
 * painter (docs/session-map.md). The ImageJ overlay and the PNG and PDF exports draw from it. Uses plan,
 * safety and geometry, and Java2D (java.awt, java.awt.geom, java.awt.image, java.awt.font); never windows,
 * Swing, ImageJ, the store or the CLI.
 */
package org.injectionplanner.scene;
