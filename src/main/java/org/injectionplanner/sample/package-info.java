/**
 * The synthetic, de-identified demo studies of {@code sample-dicom/}: made-up lower-back ultrasound
 * frames and a cine with a calibrated region, written byte-identically on every run.
 *
 * <p>May use {@code dicom}, {@code geometry} and {@code plan}; only {@code cli} and {@code imagej} use it
 * (docs/design.md §2).
 */
package org.injectionplanner.sample;
