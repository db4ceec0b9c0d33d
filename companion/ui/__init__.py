"""Every Qt widget of Companion. Nothing outside ui/, app.py and reports/pdf.py imports PySide6."""
