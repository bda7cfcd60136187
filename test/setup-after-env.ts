// CommonJS packages that load Nest fail with ERR_REQUIRE_CYCLE_MODULE under
// jest's ESM mode unless loaded first, one at a time (STACK_NOTES.md).
for (const name of [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/throttler',
  'nestjs-pino',
  '@nest-lab/throttler-storage-redis',
  '@bull-board/nestjs',
]) {
  await import(name);
}
