package org.injectionplanner.sample;

/**
 * What a scene says about one tissue point; a mutable out-parameter so that the per-pixel loop does not
 * allocate.
 */
final class Echo {

    /** Mean amplitude of diffuse scatterers (1 ≈ ligament; 0 = anechoic fluid). */
    double scatter;
    /** Amplitude of a coherent (specular) reflector at this point, such as a cortical bone surface. */
    double specular;
    /**
     * Round-trip attenuation in dB per mm relative to soft tissue (which time-gain compensation
     * cancels): large for bone, negative for fluid.
     */
    double attenuationDbPerMm;

    void set(double scatter, double specular, double attenuationDbPerMm) {
        this.scatter = scatter;
        this.specular = specular;
        this.attenuationDbPerMm = attenuationDbPerMm;
    }
}
