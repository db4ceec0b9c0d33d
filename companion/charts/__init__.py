"""Chart builders on matplotlib's Figure API (never pyplot), shared by screens and reports."""
