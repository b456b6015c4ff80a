from django.shortcuts import render


def progress(request):
    return render(request, "congresses/progress.html")
