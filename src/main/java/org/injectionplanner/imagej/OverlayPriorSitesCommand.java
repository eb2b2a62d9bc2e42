package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins › Injection Planner › Session › Overlay Prior Sites...: shows or hides, on today's images, the
 * sites of the earlier sessions under review (Review Prior Sessions...) as hollow rings with their label, on
 * the current image of the same view ({@link PriorReview}). Sites copied forward and still to confirm are
 * always shown. Macro key: {@code show} (a checkbox: absent hides them).
 */
public final class OverlayPriorSitesCommand implements PlugIn {

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("Overlay Prior Sites");
        gd.addCheckbox("show", !PriorReview.showsPriorSites());
        gd.addMessage("Draws the reviewed sessions' sites as hollow rings on today's image of the same view.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        PriorReview.showPriorSites(gd.getNextBoolean());
        PluginWorkspace.refreshOverlays();
        IJ.showStatus("Prior sites " + (PriorReview.showsPriorSites() ? "shown" : "hidden"));
    }
}
