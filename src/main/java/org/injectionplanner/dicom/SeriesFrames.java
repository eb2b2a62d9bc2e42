package org.injectionplanner.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an openable series as one sequence of stack slices (1-based): its files are opened
 * once and kept open until {@link #close()}, and any slice decodes on its own, from any thread.
 */
public final class SeriesFrames implements AutoCloseable {

    private final List<DicomFile> files = new ArrayList<>();
    private final int[] firstSlice;
    private final int slices;

    /**
     * Opens the files of a series.
     *
     * @throws DicomException naming the file that cannot be opened; the files opened before it are closed
     */
    public SeriesFrames(StudyIndex.OpenableSeries series) throws DicomException {
        firstSlice = new int[series.instances().size()];
        int total = 0;
        try {
            for (int i = 0; i < series.instances().size(); i++) {
                DicomFile f = DicomFile.open(series.instances().get(i).file());
                files.add(f);
                firstSlice[i] = total + 1;
                total += f.frameCount();
            }
        } catch (DicomException e) {
            close();
            throw e;
        }
        slices = total;
    }

    /** The number of slices. */
    public int size() {
        return slices;
    }

    /** The open files, in slice order. */
    public List<DicomFile> files() {
        return files;
    }

    /** The file a slice comes from. */
    public DicomFile fileOf(int slice) {
        return files.get(indexOf(slice));
    }

    /** The frame number within its file of a slice. */
    public int frameOf(int slice) {
        return slice - firstSlice[indexOf(slice)] + 1;
    }

    private int indexOf(int slice) {
        for (int i = firstSlice.length - 1; i >= 0; i--) {
            if (slice >= firstSlice[i]) {
                return i;
            }
        }
        throw new IndexOutOfBoundsException("slice " + slice);
    }

    /** Decodes one slice. */
    public Frame decode(int slice) throws DicomException {
        return fileOf(slice).frame(frameOf(slice));
    }

    @Override
    public void close() {
        for (DicomFile f : files) {
            try {
                f.close();
            } catch (IOException ignored) {
                // closing a read-only file cannot lose data
            }
        }
    }
}
