"""The inner circle: the ring of seats and the two questions it asks (who sits down, who leaves)."""
