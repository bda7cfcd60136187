import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobProcessor, uncoveredJobs } from '@slussen/core';
import { CONTEXT_JOBS } from '@slussen/platform';

/** Stops the worker at start when a job some context declared has no processor, or two (Immich's start-up check). */
@Injectable()
export class JobCoverageCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
    const { missing, duplicated } = uncoveredJobs(
      CONTEXT_JOBS.flatMap((declared) => declared.jobs),
      processors.map((processor) => processor.jobs),
    );
    if (missing.length || duplicated.length) {
      throw new Error(
        `job processors do not match the job list: missing ${missing.join(', ') || 'none'}; claimed twice ${duplicated.join(', ') || 'none'}`,
      );
    }
  }
}
