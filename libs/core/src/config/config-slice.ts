import { getMetadataStorage } from 'class-validator';
import type { EnvironmentVariables } from './environment.js';

/**
 * Each context's typed settings, by the context's name. Core declares none: each
 * context declares its environment variables and its slice beside its code
 * (`libs/<context>/src/<context>.config.ts`), by declaration merging, as
 * `PolicySubjects`, the jobs and the outbox topics are:
 *
 *     export class PilotsVariables { @IntSetting(1, 3600) PILOT_SCAN_EVERY_SECONDS = 60; }
 *     export class PilotsConfig { constructor(env: PilotsVariables) { ... } }
 *     declare module '@slussen/core' {
 *       interface ConfigSlices { pilots: PilotsConfig }
 *       interface EnvironmentVariables extends PilotsVariables {}
 *     }
 *     export const PILOTS_CONFIG = defineConfigSlice('pilots', PilotsVariables, PilotsConfig);
 *
 * `libs/platform` assembles every slice (the compiler holds its list to this map);
 * the environment is validated with all of them at once, and each slice is
 * provided under its own class, so a pilots service injects `PilotsConfig`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConfigSlices {}
export type ConfigSliceName = keyof ConfigSlices & string;

/** A context's environment variables (a class-validator class) and the typed slice built from them. */
export interface ConfigSlice<K extends ConfigSliceName = ConfigSliceName> {
  readonly name: K;
  readonly variables: new () => object;
  /** The slice's class: built from the validated variables, and the token its context injects. */
  readonly slice: abstract new (...args: never[]) => ConfigSlices[K];
  build(env: EnvironmentVariables): ConfigSlices[K];
}

/**
 * Declares a context's slice of the settings: its variables' class and the slice built
 * from the validated environment (its own variables, and core's where it needs one).
 */
export function defineConfigSlice<K extends ConfigSliceName>(
  name: K,
  variables: new () => object,
  slice: new (env: EnvironmentVariables) => ConfigSlices[K],
): ConfigSlice<K> {
  return { name, variables, slice, build: (env) => new slice(env) };
}

/** The environment variables a class declares: every property with a validation. */
export function variableNames(variables: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(variables, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}
