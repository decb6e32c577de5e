"""Document writers: plain values from the services in, file bytes out (DOCX, XLSX, CSV, PDF).

Writers know nothing of the database; services gather the data and call them.
"""
