-- Reserved (#13); filled by its owner.
SELECT 1;
