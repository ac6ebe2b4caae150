-- Reserved; filled by the scope work of issue #12.
SELECT 1;
