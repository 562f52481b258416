"""core.ratings"""
