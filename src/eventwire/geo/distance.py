"""Great-circle distance between two points, the one measure every geo module uses."""
from __future__ import annotations

import math

EARTH_KM = 6371.0088


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Kilometres between two (lat, lon) points (haversine)."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
