"""The distribution list (SPEC §3 ``jakelulista``): who receives what, and the workbook."""
