/**
 * The plan store in a folder: one folder per treatment course, append-only revision files written
 * atomically and chained by SHA-256, a lock per course, autosave and crash recovery, sign-off and
 * amendments, and the store's verifier (docs/plan-format.md, docs/design.md §5).
 *
 * <p>May use the layers below it: {@code dicom}, {@code geometry}, {@code plan}, {@code safety},
 * {@code order}, {@code planfile}, {@code sessionmap}, {@code scene} (docs/design.md §2).
 */
package org.injectionplanner.store;
