// TQExecution
