"""Deterministic sample journals for screenshots, demonstrations, tests and benchmarks."""

from reflect.demo.builder import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
