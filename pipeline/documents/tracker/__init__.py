"""The follow-up tracker (SPEC §3 "The tracker"): its rows, its layout, reading the one
people have been working in, merging the two, and the producer that makes it."""
