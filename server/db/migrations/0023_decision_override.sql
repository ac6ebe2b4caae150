-- An approval below the review template's thresholds (issue #13): stored as data — the misses (criterion key or
-- null for the total, the value, the threshold) and the reason stated — instead of a Chinese sentence appended to
-- decision_note. The web and the decision letter word it. Earlier rows keep the sentence in their decision_note
-- and have no override: they read as before.
ALTER TABLE "project_applications" ADD COLUMN "decision_override" jsonb;
