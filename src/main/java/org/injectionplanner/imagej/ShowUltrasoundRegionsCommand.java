package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.Optional;
import org.injectionplanner.dicom.UltrasoundCalibration;

/** Plugins › Injection Planner › Show Ultrasound Regions: toggles the region overlay of the current image. */
public final class ShowUltrasoundRegionsCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        Optional<UltrasoundCalibration> found = UltrasoundImages.calibration(imp);
        if (found.isEmpty()) {
            CommandErrors.show("\"" + imp.getTitle()
                    + "\" was not opened with Open Ultrasound Study..., so its ultrasound regions are unknown.");
            return;
        }
        UltrasoundCalibration calibration = found.get();
        if (calibration.regions().isEmpty()) {
            IJ.showStatus(imp.getTitle() + " has no ultrasound regions ("
                    + imp.getProp(UltrasoundImages.PROP_CALIBRATION) + ")");
            return;
        }
        boolean shown = RegionOverlay.toggle(imp, calibration);
        IJ.showStatus("Ultrasound regions " + (shown ? "shown" : "hidden"));
    }
}
