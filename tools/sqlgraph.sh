#!/bin/bash
# For each context, count SQL references (FROM/JOIN/INTO/UPDATE <table>) to tables owned by another context (non-migration source).
declare -A owner
for t in testbeds; do owner[$t]=catalogue; done
for t in organizations users invitations refresh_tokens memberships password_tokens audit_entries api_tokens; do owner[$t]=identity; done
for t in webhook_subscriptions deliveries; do owner[$t]=notifications; done
for t in pilots measurement_requests pilot_events pilot_outcomes measurement_sources source_fetches pilot_metrics measurements; do owner[$t]=pilots; done
for t in report_snapshots report_subscriptions report_runs; do owner[$t]=reporting; done
for t in calendar_feed_tokens bookings slots idempotency_keys booking_events booking_reminders; do owner[$t]=scheduling; done
owner[outbox_messages]=core
for c in catalogue identity notifications pilots reporting scheduling core; do
  grep -rhoiE "(from|join|into|update)\s+\"?[a-z_]+\"?" libs/$c/src --include=*.ts --exclude-dir=migrations | awk '{print tolower($2)}' | tr -d '"' | while read t; do o=${owner[$t]}; [ -n "$o" ] && [ "$o" != "$c" ] && echo "$c -> $o.$t"; done
done | sort | uniq -c
