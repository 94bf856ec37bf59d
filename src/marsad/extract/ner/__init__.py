"""Entity mentions: the CRF tagger (`features`, `decode`, `train`, word `clusters`), the gazetteer, and the document
pass of head-noun and title rules (`phrases`); `mentions.find_mentions` is the stage."""
