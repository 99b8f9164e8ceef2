"""Demo data for ``observe demo``: a seeded school year a coach can explore or a benchmark load."""

from observe.demo.generator import DemoSummary, load_demo, load_scale
from observe.demo.scale import SCALES, SIZES, Scale
from observe.demo.writer import DemoCancelled

__all__ = ["SCALES", "SIZES", "DemoCancelled", "DemoSummary", "Scale", "load_demo", "load_scale"]
