"""Output formats: each turns pipeline results into text for people or machines."""
