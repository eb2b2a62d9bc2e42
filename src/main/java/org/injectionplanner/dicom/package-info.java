/**
 * DICOM Part 10 reading and writing for ultrasound: the parser and its data set, transfer syntaxes, pixel
 * decoding (native, RLE, JPEG, JPEG Lossless, JPEG 2000) with colour conversion, frame timing, study
 * indexing, and the ultrasound calibration from the Sequence of Ultrasound Regions (docs/dicom.md).
 *
 * <p>The bottom layer (docs/design.md §2): uses no other package of the project, only the JDK and the
 * bundled ImageIO codecs. {@link org.injectionplanner.dicom.ImageIoCodecs} is its one class that uses
 * {@code java.awt.image}, because the codecs hand back rasters (docs/decisions.md). Errors are
 * {@link org.injectionplanner.dicom.DicomException}s naming the file, byte offset and tag.
 */
package org.injectionplanner.dicom;
