package org.injectionplanner;

import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs every jqwik property of the build from one fixed seed, the system property {@code property.seed} (set
 * in pom.xml), so that a build is repeatable: a red build means that a change broke something, not that the
 * day's random samples met an edge case the code always had. {@code -Dproperty.seed=} (blank) gives each
 * property a random seed, for exploring (bench/fuzz-long.sh does); {@code -Dproperty.seed=N} repeats a run.
 * A property that names its own seed keeps it. Registered for all properties in
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}; the outermost hook, so that a property's own
 * hooks see the seed.
 */
public final class RepeatableSeed implements AroundPropertyHook {

    /** Registered at the root, for every property below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        return -100;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("property.seed", "").strip();
        if (!seed.isEmpty() && context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(seed);
            context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
        }
        return property.execute();
    }
}
