/**
 * The ImageJ plugin: one {@code PlugIn} per menu command (listed in {@code plugins.config}), the toolbar
 * tools, the Plan Panel, dialogs, opening calibrated studies as images, the plan overlay and the
 * conversion between the plan and ImageJ ROIs (docs/imagej.md, docs/design.md §4). Commands are thin:
 * read parameters, call the core, show the result.
 *
 * <p>The only package that imports {@code ij.*} and the only one that uses windowing AWT and Swing. May
 * use every package except {@code cli} (docs/design.md §2).
 */
package org.injectionplanner.imagej;
