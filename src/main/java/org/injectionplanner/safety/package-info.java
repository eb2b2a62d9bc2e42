/**
 * The safety checks that turn a plan into findings (clearances, needle, angle, depth, site description,
 * volumes, dose, interval, calibration) and the sign-off gate; the checks inform, the physician decides
 * (docs/safety.md, docs/domain.md §7.2).
 *
 * <p>May use {@code dicom}, {@code geometry} and {@code plan}; not {@code order} (docs/design.md §2).
 */
package org.injectionplanner.safety;
