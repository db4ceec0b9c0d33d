"""Goals: what matters to me, goals with steps, weekly action plans."""
