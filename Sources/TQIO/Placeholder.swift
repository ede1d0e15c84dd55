// TQIO
