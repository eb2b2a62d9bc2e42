package org.injectionplanner.plan;

/** The kind of structure a target sits in. */
public enum StructureKind { LIGAMENT, TENDON, JOINT_CAPSULE, FASCIA, ENTHESIS, OTHER }
