"""Time expressions: tokens (`tokens`), the lexicon (`lexicon`), the grammar of ordered rules (`grammar`) and their
resolution to ISO values (`resolve`); `timexes.find_timexes` is the stage."""
