/**
 * The order of the injections of a session: the probe-repositioning cost model, the proposal of the
 * cheapest order around locked injections, and moves (docs/ordering.md).
 *
 * <p>May use {@code dicom}, {@code geometry} and {@code plan}; not {@code safety} (docs/design.md §2).
 */
package org.injectionplanner.order;
