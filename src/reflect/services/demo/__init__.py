"""Deterministic sample journals for screenshots, demonstrations, tests and benchmarks."""

from reflect.services.demo.builder import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
