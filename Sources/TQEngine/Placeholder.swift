// TQEngine
