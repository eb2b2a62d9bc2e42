package org.injectionplanner.imagej.gui;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import java.util.Locale;

/**
 * What a plot window shows, for a GUI test's macro ({@code call("...PlotProbe.data", title)}): one line per
 * data set, {@code x,y x,y ...}, in the order they were added.
 */
public final class PlotProbe {

    private PlotProbe() {
    }

    /** The data sets of the plot in the window titled {@code title}, or "no plot" when there is none. */
    public static String data(String title) {
        ImagePlus imp = WindowManager.getImage(title);
        Object plot = imp == null ? null : imp.getProperty(Plot.PROPERTY_KEY);
        if (!(plot instanceof Plot p)) {
            return "no plot";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.getNumPlotObjects(); i++) {
            float[][] xy = p.getDataObjectArrays(i);
            if (xy == null || xy.length < 2 || xy[0] == null) {
                continue;
            }
            for (int k = 0; k < xy[0].length; k++) {
                out.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s,%s", xy[0][k], xy[1][k]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
