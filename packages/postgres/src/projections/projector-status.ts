/**
 * What a projector instance is doing, for a host's health check or dashboard. A
 * projection that cannot go on never stalls silently: its status says why.
 */
import type { ProjectionFailedError, StoreUnavailableError } from '@redress/core';

/** What a projector is doing, for health checks and dashboards. */
export type ProjectorStatus =
  /** Not started, or stopped. */
  | { readonly state: 'stopped' }
  /** Competing for the projection: another instance holds its lock. */
  | { readonly state: 'standby' }
  /** Holding the lock and applying the log. */
  | { readonly state: 'active' }
  /** The server cannot be reached; the projector reconnects every poll interval and resumes from its checkpoint. */
  | { readonly state: 'unavailable'; readonly error: StoreUnavailableError; readonly attempts: number }
  /**
   * An event cannot be applied: the batch rolled back, the checkpoint stays before it, and
   * the projector retries it every poll interval (never skipping it). `error.event` is the
   * event once the projector has narrowed the batch down to it.
   */
  | { readonly state: 'failing'; readonly error: ProjectionFailedError; readonly attempts: number };
