"""The claim finders: statistics (:mod:`.statistics`) and appeals to research (:mod:`.attribution`)."""
