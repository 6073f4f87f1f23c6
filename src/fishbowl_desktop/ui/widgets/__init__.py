"""Small widgets every room of the console uses: the inline form error, the row forwarder for list models."""
