/**
 * DICOM objects of a session plan (docs/dicom-sr.md): the Comprehensive SR following TID 1500 (one
 * measurement group per site and per avoidance zone, with stable tracking UIDs), its reader, the
 * Encapsulated PDF of the printed map, and the PS3.15 Annex E de-identification of both. Written with the
 * project's own {@code dicom} package in Explicit VR Little Endian. Uses dicom, geometry, plan and
 * sessionmap; never ImageJ or AWT.
 */
package org.injectionplanner.export.dicom;
