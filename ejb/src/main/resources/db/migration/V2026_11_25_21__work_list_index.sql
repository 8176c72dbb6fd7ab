-- The account manager's work list (owner, active statuses, nearest deadline first) and its count read only the
-- owner's active cases through this index, instead of every case the owner ever had (docs/performance.md, fix 5).
CREATE INDEX apology_case_owner_status_due_ix ON apology_case (owner_id, status, next_due);
