# syntax=docker/dockerfile:1
# kehoach's production image: the web app, the worker and the jobs (docs/deployment.md).
# Two stages: the wheels are built with the compilers of the first, the second only runs them.

FROM python:3.12-slim-trixie AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/kehoach
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
RUN /opt/kehoach/bin/pip install .

FROM python:3.12-slim-trixie
# tesseract-ocr-vie: scanned plans (OCR); libreoffice-writer-nogui + fonts-liberation2: the PDF
# reports (Times New Roman's metrics, Vietnamese letters);
# postgresql-client: pg_dump/pg_restore for `kehoach backup`/`restore` (Debian trixie's 17,
# matching the postgres:17 server of compose.yaml: pg_dump must not be older than the server)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui fonts-liberation2 \
      postgresql-client tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/kehoach kehoach \
 && mkdir -p /var/lib/kehoach /backups && chown kehoach:kehoach /var/lib/kehoach /backups
COPY --from=build /opt/kehoach /opt/kehoach
ENV PATH=/opt/kehoach/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    TZ=Asia/Ho_Chi_Minh \
    KEHOACH_ENV=production \
    KEHOACH_DATA_DIR=/var/lib/kehoach
USER kehoach
WORKDIR /home/kehoach
VOLUME ["/var/lib/kehoach"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["kehoach", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
