import type { ConformanceCheck } from '../conformance-check.js';
import { auditTrail } from './audit-trail.js';
import { deletion } from './deletion.js';
import { failsClosed } from './fails-closed.js';
import { freshNonces } from './fresh-nonces.js';
import { integrity } from './integrity.js';
import { noDoubleEncryption } from './no-double-encryption.js';
import { noPlaintextAtRest } from './no-plaintext-at-rest.js';
import { noPlaintextOnDisk } from './no-plaintext-on-disk.js';
import { positiveControl } from './positive-control.js';
import { restart } from './restart.js';
import { rotationFaultTolerance } from './rotation-fault-tolerance.js';
import { rotationConcurrentWrites } from './rotation-concurrent-writes.js';
import { rotationRoundTrip } from './rotation-round-trip.js';

/**
 * Every conformance check, in run order: the positive control first, so a broken search is seen
 * before anything else; then `fresh-nonces`, the first to write through the store process, so that
 * its first writes and those after it restarts the process both start where a counter kept in
 * module scope starts.
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  positiveControl,
  freshNonces,
  noPlaintextAtRest,
  noPlaintextOnDisk,
  integrity,
  rotationRoundTrip,
  rotationFaultTolerance,
  rotationConcurrentWrites,
  deletion,
  failsClosed,
  noDoubleEncryption,
  restart,
  auditTrail,
];
