#!/bin/sh
# Runs the app named by the first argument: api (default) or worker.
set -e
case "${1:-api}" in
  api) exec node dist/apps/api/apps/api/src/main.js ;;
  worker) exec node dist/apps/worker/apps/worker/src/main.js ;;
  *) exec "$@" ;;
esac
