// TQTestSupport
