package org.injectionplanner.imagej;

import ij.IJ;
import ij.VirtualStack;
import ij.process.ImageProcessor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.SeriesFrames;

/**
 * A stack that decodes frames when ImageJ asks for them and keeps the most recently used ones in a
 * bounded cache, for cines larger than the memory budget.
 */
final class UltrasoundVirtualStack extends VirtualStack {

    private final SeriesFrames frames;
    private final Frame.SampleType type;
    private final int cacheFrames;
    private final Map<Integer, ImageProcessor> cache;

    UltrasoundVirtualStack(SeriesFrames frames, Frame first, int cacheFrames) {
        super(first.columns(), first.rows(), null, null);
        this.frames = frames;
        this.type = first.type();
        this.cacheFrames = Math.max(1, cacheFrames);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, ImageProcessor> eldest) {
                return size() > UltrasoundVirtualStack.this.cacheFrames;
            }
        };
        cache.put(1, FrameProcessors.toProcessor(first));
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        synchronized (cache) {
            ImageProcessor cached = cache.get(n);
            if (cached != null) {
                return cached.duplicate();
            }
        }
        ImageProcessor ip;
        try {
            ip = FrameProcessors.toProcessor(frames.decode(n));
        } catch (DicomException e) {
            IJ.log("Injection Planner: " + e.getMessage());
            ip = FrameProcessors.blank(type, getWidth(), getHeight());
        }
        synchronized (cache) {
            cache.put(n, ip);
        }
        return ip.duplicate();
    }

    @Override
    public int getSize() {
        return frames.size();
    }

    @Override
    public String getSliceLabel(int n) {
        return "frame " + n + "/" + frames.size();
    }

    @Override
    public int getBitDepth() {
        return type == Frame.SampleType.RGB8 ? 24 : type == Frame.SampleType.UINT8 ? 8 : 16;
    }

    /** The most frames held in memory at once. */
    int cacheCapacity() {
        return cacheFrames;
    }

    /** Frames held in memory now. */
    int cachedFrames() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
