"""Cart: the basket a shopper builds before checkout."""
