"""A statistic against its cited source's own text: sentences, context, wording, overstatement."""
